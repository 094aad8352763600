/**
 * The saturation throughput the report compares: the median of the ramp's best step and its
 * repeats, so that one lucky or unlucky step does not decide the HTTP / SDK ratio.
 */
import assert from 'node:assert/strict';
import { type Measured, type Saturation, saturationTps } from '../../scripts/bench/measure';
import { percentile } from '../../scripts/bench/stats';

const step = (tps: number) => ({ tps, offered: 180 }) as unknown as Measured;

describe('bench saturation throughput', () => {
  it('takes the middle of three steps (the 50th percentile), or the one step there is', () => {
    assert.equal(percentile([146.9, 152.0, 171.3], 50), 152.0);
    assert.equal(percentile([5], 50), 5);
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
