/**
 * Figures that are state rather than events (population, people trained so far) are given at
 * whatever level a unit knows them. A unit's figure is its own value when it has one, else the
 * sum of its children's figures, so nobody is counted twice and any level may be filled in.
 */
export function ownOrChildrenSum(
  links: readonly { code: string; parentCode: string | null }[],
  own: ReadonlyMap<string, number>,
): (code: string) => number | null {
  return ownOrChildrenSums(links)(own);
}

/** The same for several figures over one tree: the tree is indexed once. */
export function ownOrChildrenSums(
  links: readonly { code: string; parentCode: string | null }[],
): (own: ReadonlyMap<string, number>) => (code: string) => number | null {
  const children = new Map<string, string[]>();
  for (const link of links) {
    if (link.parentCode === null) continue;
    const list = children.get(link.parentCode);
    if (list) list.push(link.code);
    else children.set(link.parentCode, [link.code]);
  }
  return (own) => sumOver(children, own);
}

function sumOver(children: ReadonlyMap<string, readonly string[]>, own: ReadonlyMap<string, number>): (code: string) => number | null {
  const memo = new Map<string, number | null>();
  const valueOf = (code: string): number | null => {
    if (memo.has(code)) return memo.get(code)!;
    let value: number | null = own.get(code) ?? null;
    if (value === null) {
      for (const child of children.get(code) ?? []) {
        const childValue = valueOf(child);
        if (childValue !== null) value = (value ?? 0) + childValue;
      }
    }
    memo.set(code, value);
    return value;
  };
  return valueOf;
}
