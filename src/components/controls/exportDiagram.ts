/**
 * The diagram as a standalone SVG or PNG file: the live SVG cloned, with the computed styles that
 * CSS gave it written onto each element, so the file looks the same anywhere.
 */

const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'visibility',
  'display',
] as const;

export function findDiagramSvg(): SVGSVGElement | null {
  return document.querySelector<SVGSVGElement>('svg[data-export="diagram"]');
}

export function standaloneSvg(svg: SVGSVGElement): { text: string; width: number; height: number } {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const sources = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const targets = [clone, ...Array.from(clone.querySelectorAll('*'))];
  sources.forEach((source, index) => {
    const target = targets[index];
    if (!(target instanceof Element)) return;
    const computed = getComputedStyle(source);
    const declarations = STYLE_PROPERTIES.map(
      (property) => `${property}:${computed.getPropertyValue(property)}`,
    )
      .filter((declaration) => !declaration.endsWith(':'))
      .join(';');
    target.setAttribute('style', declarations);
    target.removeAttribute('class');
  });
  // The columns drawn in paint layers of their own (Diagram's PaintLayer) go back into one SVG:
  // a foreignObject is not drawn by every SVG viewer, nor in an image on a canvas.
  clone.querySelectorAll('foreignObject[data-paint-layer]').forEach((layer) => {
    const group = document.createElementNS('http://www.w3.org/2000/svg', 'g');
    const inner = layer.firstElementChild;
    while (inner?.firstChild) group.appendChild(inner.firstChild);
    layer.replaceWith(group);
  });
  // Export the whole network, not the panned and zoomed view of it.
  clone
    .querySelectorAll('[data-zoom-layer]')
    .forEach((layer) => layer.removeAttribute('transform'));
  const box = svg.viewBox.baseVal;
  const width = Math.round(box && box.width ? box.width : svg.clientWidth);
  const height = Math.round(box && box.height ? box.height : svg.clientHeight);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  clone.insertBefore(background, clone.firstChild);
  return { text: new XMLSerializer().serializeToString(clone), width, height };
}

export async function svgToPng(
  svgText: string,
  width: number,
  height: number,
  scale = 2,
): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw to a canvas.');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed.'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
