import type { SubtreeMember } from '../units/units.service.js';
import type { TeamPresence } from './team-coverage.js';

/**
 * Which units of a subtree on a day count as covered by a committee or a team. Two rules keep
 * the shares honest through reorganisations and nested groups:
 * - a commune has one committee to set up: its own, or one it inherits from a commune merged into
 *   it (or split from it, for the successor that takes the old commune's figures); an ended
 *   commune is never counted beside its successor, so a share never passes 100%;
 * - a village-level group under another village-level group (a `xóm` under a `thôn`) is part of
 *   that village, not one more village that needs its own team, unless it has a team of its own:
 *   an officer who sets one up says that it needs one.
 */
export interface TeamReach {
  /** Communes in force with a committee, their own or inherited. */
  communesWithCommittee: ReadonlySet<string>;
  /** Village-level units in force that need a team. */
  villagesNeedingTeam: ReadonlySet<string>;
  /** Of those, the ones with an active team. */
  villagesWithTeam: ReadonlySet<string>;
}

const reaches = new WeakMap<readonly SubtreeMember[], WeakMap<TeamPresence, TeamReach>>();

export function teamReachOf(members: readonly SubtreeMember[], presence: TeamPresence): TeamReach {
  let byPresence = reaches.get(members);
  if (!byPresence) reaches.set(members, byPresence = new WeakMap());
  let reach = byPresence.get(presence);
  if (!reach) byPresence.set(presence, reach = buildReach(members, presence));
  return reach;
}

function buildReach(members: readonly SubtreeMember[], presence: TeamPresence): TeamReach {
  const byCode = new Map(members.map((m) => [m.code, m]));
  /** The unit in force that an ended unit's figures (and committee) passed to, if it lies in the subtree. */
  const heirOf = (member: SubtreeMember): SubtreeMember | undefined => {
    let current: SubtreeMember | undefined = member;
    for (let depth = 0; current && current.successorCode !== null && depth < 64; depth += 1) current = byCode.get(current.successorCode);
    return current && current.successorCode === null ? current : undefined;
  };

  const communesWithCommittee = new Set<string>();
  const villagesNeedingTeam = new Set<string>();
  const villagesWithTeam = new Set<string>();
  for (const member of members) {
    if (member.tier === 'commune' && presence.committeeUnits.has(member.code)) {
      const heir = heirOf(member);
      if (heir?.tier === 'commune') communesWithCommittee.add(heir.code);
    }
    if (member.tier !== 'village' || member.successorCode !== null) continue;
    const parent = member.parentCode === null ? undefined : byCode.get(member.parentCode);
    const hasTeam = presence.teamUnits.has(member.code);
    if (parent?.tier === 'village' && !hasTeam) continue;
    villagesNeedingTeam.add(member.code);
    if (hasTeam) villagesWithTeam.add(member.code);
  }
  return { communesWithCommittee, villagesNeedingTeam, villagesWithTeam };
}
