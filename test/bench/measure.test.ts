/**
 * The saturation throughput the report compares: the median of the ramp's best step and its
 * repeats, so that one lucky or unlucky step does not decide the HTTP / SDK ratio.
 */
import assert from 'node:assert/strict';
import { type Measured, median, type Saturation, saturationTps } from '../../scripts/bench/measure';

const step = (tps: number) => ({ tps, offered: 180 }) as unknown as Measured;

describe('bench saturation throughput', () => {
  it('takes the median: the middle value, or the mean of the two middle ones', () => {
    assert.equal(median([146.9, 171.3, 152.0]), 152.0);
    assert.equal(median([3, 1]), 2);
    assert.equal(median([5]), 5);
  });

  it("reports a run's median when it has one, and the best step of runs before repeats", () => {
    const withRepeats: Saturation = {
      steps: [step(120), step(171.3)],
      best: step(171.3),
      confirm: [step(150.1), step(158.2)],
      tps: 158.2,
    };
    assert.equal(saturationTps(withRepeats), 158.2);
    const older: Saturation = { steps: [step(146.9)], best: step(146.9) };
    assert.equal(saturationTps(older), 146.9);
  });
});
