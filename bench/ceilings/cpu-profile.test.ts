import { describe, expect, it } from 'vitest';
import { profileOfPart } from './cpu-profile.js';

describe('profileOfPart', () => {
  it('names a part beside the profile and keeps its kind', () => {
    expect(profileOfPart('/tmp/run.cpuprofile', 'synchronised')).toBe('/tmp/run-synchronised.cpuprofile');
    expect(profileOfPart('/tmp/run.heapprofile', 'province')).toBe('/tmp/run-province.heapprofile');
    expect(profileOfPart('/tmp/run', 'children')).toBe('/tmp/run-children.cpuprofile');
    expect(profileOfPart(undefined, 'children')).toBeUndefined();
  });
});
