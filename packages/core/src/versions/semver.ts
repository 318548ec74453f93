/** The parts of a semantic version. */
export interface SemVer {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** Pre-release identifiers (`rc.1` → `['rc', 1]`); empty for a release. */
  readonly prerelease: readonly (string | number)[];
}

/** How far a version moved from another: the highest part that went up. */
export type VersionBump = 'major' | 'minor' | 'patch' | 'prerelease' | 'none' | 'downgrade';

/** How far a change requires the version to move. */
export type RequiredBump = 'major' | 'minor' | 'patch' | 'none';

const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/**
 * Reads a semantic version (`1.2.0`, `2.0.0-rc.1`); build metadata (`+…`) is ignored, as semver
 * says. Returns null when the text is not one.
 */
export function parseVersion(text: string): SemVer | null {
  const m = SEMVER.exec(text);
  if (!m) return null;
  const prerelease = m[4] ? m[4].split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : [];
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), prerelease };
}

/**
 * Orders two versions by semver precedence: negative when `a` comes before `b`, 0 when equal,
 * positive after. `1.0.0-rc.1` comes before `1.0.0`. Text that is not a version sorts first.
 *
 * @example ['1.10.0', '1.2.0'].sort(compareVersions) // ['1.2.0', '1.10.0']
 */
export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) return (x ? 1 : 0) - (y ? 1 : 0) || (a < b ? -1 : a > b ? 1 : 0);
  const core = x.major - y.major || x.minor - y.minor || x.patch - y.patch;
  if (core !== 0) return Math.sign(core);
  if (x.prerelease.length === 0 || y.prerelease.length === 0) {
    return (x.prerelease.length === 0 ? 1 : 0) - (y.prerelease.length === 0 ? 1 : 0);
  }
  for (let i = 0; i < Math.max(x.prerelease.length, y.prerelease.length); i++) {
    const p = x.prerelease[i];
    const q = y.prerelease[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    if (p === q) continue;
    if (typeof p === 'number' && typeof q === 'number') return Math.sign(p - q);
    if (typeof p === 'number') return -1;
    if (typeof q === 'number') return 1;
    return p < q ? -1 : 1;
  }
  return 0;
}

/**
 * How far `to` moved from `from`. Below 1.0.0 semver promises nothing, so this follows the common
 * reading (npm, Cargo): in `0.y.z` a `y` bump counts as major and a `z` bump as minor.
 *
 * @example versionBump('1.2.3', '1.3.0') // 'minor'
 */
export function versionBump(from: string, to: string): VersionBump {
  const x = parseVersion(from);
  const y = parseVersion(to);
  if (!x || !y) return 'none';
  const order = compareVersions(from, to);
  if (order > 0) return 'downgrade';
  if (order === 0) return 'none';
  if (y.major !== x.major) return 'major';
  if (x.major === 0) {
    if (y.minor !== x.minor) return 'major';
    if (y.patch !== x.patch) return 'minor';
    return 'prerelease';
  }
  if (y.minor !== x.minor) return 'minor';
  if (y.patch !== x.patch) return 'patch';
  return 'prerelease';
}

const RANK: Readonly<Record<VersionBump, number>> = {
  downgrade: -1,
  none: 0,
  prerelease: 1,
  patch: 1,
  minor: 2,
  major: 3,
};

/**
 * Whether a version move is enough for what changed. A pre-release step counts as a patch: it
 * may carry fixes, never a changed check.
 */
export function bumpSatisfies(actual: VersionBump, required: RequiredBump): boolean {
  if (actual === 'downgrade') return false;
  if (required === 'none') return true;
  return RANK[actual] >= RANK[required];
}
