/**
 * Updating typeset equations in place. When a weight is dragged, an equation keeps its shape and
 * only its numbers change; replacing its whole KaTeX markup (innerHTML) would rebuild and lay out
 * hundreds of spans per line. Instead the new markup is parsed off-document and the live nodes are
 * made equal to it, touching only the text and attributes that differ, so the browser re-lays out
 * only the changed numbers. The result is the same DOM as `innerHTML = html` would give.
 */

/** Make `target`'s attributes equal to `source`'s. */
function morphAttributes(target: Element, source: Element): void {
  for (const { namespaceURI, name, value } of Array.from(source.attributes)) {
    if (target.getAttribute(name) !== value) target.setAttributeNS(namespaceURI, name, value);
  }
  for (const { name } of Array.from(target.attributes)) {
    if (!source.hasAttribute(name)) target.removeAttribute(name);
  }
}

function sameKind(a: Node, b: Node): boolean {
  if (a.nodeType !== b.nodeType) return false;
  if (a.nodeType !== Node.ELEMENT_NODE) return true;
  const x = a as Element;
  const y = b as Element;
  return x.localName === y.localName && x.namespaceURI === y.namespaceURI;
}

/**
 * Make `target`'s children equal to `source`'s, node by node in order. Nodes of `source` that have
 * no counterpart are moved into `target` (so `source` is consumed).
 */
export function morphChildren(target: Node, source: Node): void {
  let t = target.firstChild;
  let s = source.firstChild;
  while (s) {
    const nextS = s.nextSibling;
    if (!t) {
      target.appendChild(s);
    } else if (sameKind(t, s)) {
      if (t.nodeType === Node.ELEMENT_NODE) {
        morphAttributes(t as Element, s as Element);
        morphChildren(t, s);
      } else if (t.nodeValue !== s.nodeValue) {
        t.nodeValue = s.nodeValue;
      }
      t = t.nextSibling;
    } else {
      const nextT = t.nextSibling;
      target.replaceChild(s, t);
      t = nextT;
    }
    s = nextS;
  }
  while (t) {
    const next = t.nextSibling;
    target.removeChild(t);
    t = next;
  }
}
