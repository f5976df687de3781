import { fail, registerCatalogue } from '@nastavnik/core';

registerCatalogue();

/** The most points a scale may have (as core's questionnaire schema allows: 0–100). */
const MAX_POINTS = 101;

/**
 * The points of a scale form field, from `min` to `max`. A document built
 * without the questionnaire schema cannot make a renderer loop for ever or
 * run out of memory: a scale that is not whole numbers in order, or that has
 * more than 101 points, is a typed error.
 */
export function scalePoints(scale: { readonly min: number; readonly max: number }): number[] {
  const { min, max } = scale;
  if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
    throw fail('invalid_type', ['scale'], { expected: 'integer' });
  }
  if (max - min + 1 > MAX_POINTS) {
    throw fail('too_big', ['scale', 'max'], {
      maximum: min + MAX_POINTS - 1,
      origin: 'number',
      inclusive: true,
    });
  }
  const out: number[] = [];
  for (let k = min; k <= max; k++) out.push(k);
  return out;
}
