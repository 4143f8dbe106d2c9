/**
 * The public figures index.html painted before the app's script arrived (lib/early-public.ts),
 * kept on screen as they are while the app takes the page over and its public page loads: the
 * same elements are moved into this box, not drawn again.
 */
export function PaintedPublic({ node }: { node: HTMLElement }) {
  return <div ref={(box) => { if (box && node.parentNode !== box) box.replaceChildren(node); }} />;
}
