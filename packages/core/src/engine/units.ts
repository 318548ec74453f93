// Linear units by dimension: factor to the dimension's base unit.
const LINEAR: Readonly<Record<string, readonly [dimension: string, factor: number]>> = {
  mg: ['mass', 1e-6],
  g: ['mass', 1e-3],
  kg: ['mass', 1],
  t: ['mass', 1000],
  mm: ['length', 1e-3],
  cm: ['length', 1e-2],
  m: ['length', 1],
  km: ['length', 1000],
  s: ['time', 1 / 3600],
  min: ['time', 1 / 60],
  h: ['time', 1],
  d: ['time', 24],
  L: ['volume', 1e-3],
  m3: ['volume', 1],
  Pa: ['pressure', 1e-3],
  kPa: ['pressure', 1],
  MPa: ['pressure', 1000],
  'mg/m3': ['concentration', 1],
  'g/m3': ['concentration', 1000],
  ppm: ['fraction', 1e-6],
  '%': ['fraction', 1e-2],
};

/** Units accepted by `unit.convert` and by number answers given as `{value, unit}`. */
export const LINEAR_UNITS: readonly string[] = Object.keys(LINEAR);

/** Standard molar volume at 101.325 kPa, litres per mole at 0 °C. */
const MOLAR_VOLUME_0C = 22.414;
const KELVIN = 273.15;
/** Temperature the gas conversions assume when a rule gives none. */
export const DEFAULT_GAS_TEMPERATURE_C = 20;

/** Converts between two units of the same dimension; null when either is unknown or they differ. */
export function convert(value: unknown, from: unknown, to: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const a = typeof from === 'string' && Object.hasOwn(LINEAR, from) ? LINEAR[from] : undefined;
  const b = typeof to === 'string' && Object.hasOwn(LINEAR, to) ? LINEAR[to] : undefined;
  if (!a || !b || a[0] !== b[0]) return null;
  return roundSignificant((value * a[1]) / b[1]);
}

function molarVolume(tempC: unknown): number | null {
  const t = tempC === undefined || tempC === null ? DEFAULT_GAS_TEMPERATURE_C : tempC;
  if (typeof t !== 'number' || !Number.isFinite(t) || t <= -KELVIN) return null;
  return (MOLAR_VOLUME_0C * (KELVIN + t)) / KELVIN;
}

/** mg/m³ of a gas to ppm (by volume), for a molar mass in g/mol, at a temperature in °C (default 20). */
export function mgm3ToPpm(value: unknown, molarMass: unknown, tempC?: unknown): number | null {
  const vm = molarVolume(tempC);
  if (vm === null || typeof value !== 'number' || typeof molarMass !== 'number' || !(molarMass > 0)) return null;
  return roundSignificant((value * vm) / molarMass);
}

/** ppm (by volume) of a gas to mg/m³, for a molar mass in g/mol, at a temperature in °C (default 20). */
export function ppmToMgm3(value: unknown, molarMass: unknown, tempC?: unknown): number | null {
  const vm = molarVolume(tempC);
  if (vm === null || typeof value !== 'number' || typeof molarMass !== 'number' || !(molarMass > 0)) return null;
  return roundSignificant((value * molarMass) / vm);
}

// Twelve significant digits drop binary noise (0.1 * 3) without losing any real precision of a measurement.
function roundSignificant(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(12));
}

/** Rounds to a number of decimals, half away from zero, without binary drift (1.005 → 1.01). */
export function round(value: unknown, digits: unknown = 0): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const d = typeof digits === 'number' && Number.isInteger(digits) && digits >= 0 && digits <= 12 ? digits : 0;
  const abs = Math.abs(value);
  if (String(abs).includes('e')) return Math.sign(value) * (Math.round(abs * 10 ** d) / 10 ** d);
  return Math.sign(value) * Number(`${Math.round(Number(`${abs}e${d}`))}e-${d}`);
}
