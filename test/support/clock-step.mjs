/**
 * Loaded into a bundle's process with `node --import` (NODE_OPTIONS): on SIGUSR2 the wall
 * clock that `Date` reads steps by CLOCK_STEP_MS (negative: back), as an NTP correction on a
 * runner steps it (issue 23, row 5).
 *
 * Why here and not the machine's clock: stepping CLOCK_REALTIME takes CAP_SYS_TIME
 * (clock_settime(2)), which a test has not, and it would step every process on the machine.
 * A step moves only the wall clock: timers and `performance.now()` run on CLOCK_MONOTONIC,
 * which "is not affected by discontinuous jumps in the system time" (clock_gettime(2)), and
 * Node's timers are libuv's, kept on that clock (docs.libuv.org, "uv_now"). So only `Date`
 * moves here too; everything else is the process as the runner runs it.
 */
import process from 'node:process';

const step = Number(process.env.CLOCK_STEP_MS ?? 0);
const RealDate = globalThis.Date;
const realNow = RealDate.now.bind(RealDate);
let offset = 0;

class SteppedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(realNow() + offset);
    else super(...args);
  }

  static now() {
    return realNow() + offset;
  }
}

globalThis.Date = SteppedDate;
process.on('SIGUSR2', () => {
  offset += step;
});
