/**
 * Shares a whole number out in proportion to weights (largest-remainder method), so the parts
 * are whole numbers that add up to the total exactly: how the scenario keeps the province's
 * figures exact while every commune and village differs.
 *
 * With `caps`, no part exceeds its cap; what a capped part cannot take goes to the others in
 * proportion to their weights (and to parts without weight, evenly, once the weighted ones are
 * full). Throws when the caps together hold less than the total.
 */
export function apportion(total: number, weights: readonly number[], caps?: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0) throw new Error(`apportion: total must be a whole number ≥ 0, got ${total}`);
  const parts = weights.map(() => 0);
  const room = caps ? caps.map((cap) => Math.max(0, Math.floor(cap))) : undefined;
  if (room && room.reduce((sum, cap) => sum + cap, 0) < total) throw new Error(`apportion: caps hold less than ${total}`);
  let left = total;
  const hasRoom = (i: number) => !room || parts[i]! < room[i]!;
  let open = weights.map((_, i) => i).filter((i) => weights[i]! > 0 && hasRoom(i));
  // Parts without weight take a share only once every weighted part is full, evenly.
  const weightOf = (i: number) => (weights[i]! > 0 ? weights[i]! : 1);
  while (left > 0) {
    if (open.length === 0) open = weights.map((_, i) => i).filter(hasRoom);
    if (open.length === 0) break;
    const sum = open.reduce((s, i) => s + weightOf(i), 0);
    const exact = open.map((i) => (left * weightOf(i)) / sum);
    const give = exact.map(Math.floor);
    // The largest remainders take one more each until the total is reached.
    let short = left - give.reduce((s, g) => s + g, 0);
    const order = exact.map((e, k) => [e - Math.floor(e), k] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (const [, k] of order) {
      if (short === 0) break;
      give[k]! += 1;
      short -= 1;
    }
    let capped = false;
    for (const [k, i] of open.entries()) {
      const cap = room ? room[i]! - parts[i]! : Infinity;
      const taken = Math.min(give[k]!, cap);
      if (taken < give[k]!) capped = true;
      parts[i]! += taken;
      left -= taken;
    }
    if (!capped) break;
    open = open.filter(hasRoom);
  }
  if (left !== 0) throw new Error(`apportion: ${left} left over`);
  return parts;
}
