/** How far a file has been read (in the worker), as a bar and in words. */
export function ReadProgress({ fraction, label }: { fraction: number; label: string }) {
  const percent = Math.round(fraction * 100);
  return (
    <div className="read-progress" role="status">
      <progress aria-label={label} max={1} value={fraction} />
      <span className="hint">
        {label}… {percent} %
      </span>
    </div>
  );
}
