// Generates the WebAssembly text of @pi/cpu's SIMD kernels. The build (scripts/build-wasm.mjs) assembles
// it with wabt; nothing here runs at estimate time. Text is generated rather than written by hand because
// each kernel interleaves several independent state sets per loop iteration (more instructions in flight
// hide the latency of each dependency chain), and writing N copies of the same step by hand invites typos.
//
// Lanes are streams. Memory layout (one 64 KiB page):
//   0    .. 1023  states: set j at 64·j, four v128 per set (see below)
//   1024 .. 2047  counts: set j at 1024 + 16·j, one i32 inside-count per lane
//
// xoshiro128+ set (4 streams): v128 s0, s1, s2, s3 with lane i = stream i's word.
// numba set (4 streams): v128 s0 of streams 0,1 (i64x2), s0 of streams 2,3, s1 of streams 0,1, s1 of 2,3.

/**
 * Constants, read from memory before each loop: V8 folds a v128.const held in a local back into every use
 * and rebuilds it there (three instructions each time); a value loaded from memory stays in a register.
 */
const CONSTANTS_OFFSET = 2048;
const CONSTANTS = {
  highMask: ['i32', 0x7fff0000],
  sureInside: ['i32', 2 ** 30 - 2 ** 17],
  sureOutside: ['i32', 2 ** 30],
  low52: ['i64', 0x000fffffffffffffn],
  two52: ['i64', 0x4330000000000000n], // the bits of 2^52 as an f64
  scale: ['f32', 2 ** -53],
  one: ['f32', 1],
};
const constantNames = Object.keys(CONSTANTS);
const constant = (name) => `(v128.load offset=${CONSTANTS_OFFSET + 16 * constantNames.indexOf(name)} (i32.const 0))`;
function constantsData() {
  const bytes = new Uint8Array(16 * constantNames.length);
  const view = new DataView(bytes.buffer);
  constantNames.forEach((name, k) => {
    const [type, value] = CONSTANTS[name];
    for (let i = 0; i < 16; i += type === 'i64' ? 8 : 4) {
      if (type === 'f32') view.setFloat32(16 * k + i, value, true);
      else if (type === 'i32') view.setInt32(16 * k + i, value, true);
      else view.setBigUint64(16 * k + i, value, true);
    }
  });
  return `(data (i32.const ${CONSTANTS_OFFSET}) "${Array.from(bytes, (b) => '\\' + b.toString(16).padStart(2, '0')).join('')}")`;
}

/** Points per trip round the xoshiro loop (see scripts/build-wasm.mjs for what was measured). */
const UNROLL = Number(process.env.PI_UNROLL ?? 1);

/** Byte offset of the per-lane counts. */
export const COUNTS_OFFSET = 1024;

const v = (name) => `(local.get $${name})`;
const set = (name, expr) => `(local.set $${name} ${expr})`;

/**
 * xoshiro128+ with the contract's inside rule, exact in integers. With X = 512a + e and Y = 512b + f
 * (a = r₁ >>> 17, b = r₂ >>> 17, 15 bits each, so a and b fit signed 16-bit lanes), one i32x4.dot_i16x8_s
 * gives D = a² + b². The rule (2X+1)² + (2Y+1)² < 2^50 is E = X(X+1) + Y(Y+1) < 2^48, and
 * 2^18·D ≤ E < 2^18·(D + 2a + 2b + 2) with 2a + 2b + 2 < 2^17, so D < 2^30 − 2^17 is surely inside and
 * D ≥ 2^30 surely outside. Lanes in between (about one point in 10^4) are settled exactly in i64 by
 * fixXoshiro on a rarely taken branch. This integer test is cheaper than an f32 one (no conversions,
 * one multiply-add) and needs no rounding argument.
 */
function xoshiroFunction(name, sets) {
  const locals = [];
  const load = [];
  const store = [];
  for (let j = 0; j < sets; j++) {
    for (let w = 0; w < 4; w++) {
      locals.push(`(local $s${w}_${j} v128)`);
      load.push(set(`s${w}_${j}`, `(v128.load offset=${64 * j + 16 * w} (i32.const 0))`));
      store.push(`(v128.store offset=${64 * j + 16 * w} (i32.const 0) ${v(`s${w}_${j}`)})`);
    }
    locals.push(`(local $acc_${j} v128) (local $x_${j} v128) (local $y_${j} v128) (local $t_${j} v128)`);
    locals.push(`(local $d_${j} v128) (local $in_${j} v128) (local $band_${j} v128)`);
    store.push(
      `(v128.store offset=${1024 + 16 * j} (i32.const 0) (i32x4.sub (v128.load offset=${1024 + 16 * j} (i32.const 0)) ${v(`acc_${j}`)}))`,
    );
  }
  const step = (j) => [
    set(`t_${j}`, `(i32x4.shl ${v(`s1_${j}`)} (i32.const 9))`),
    set(`s2_${j}`, `(v128.xor ${v(`s2_${j}`)} ${v(`s0_${j}`)})`),
    set(`s3_${j}`, `(v128.xor ${v(`s3_${j}`)} ${v(`s1_${j}`)})`),
    set(`s1_${j}`, `(v128.xor ${v(`s1_${j}`)} ${v(`s2_${j}`)})`),
    set(`s0_${j}`, `(v128.xor ${v(`s0_${j}`)} ${v(`s3_${j}`)})`),
    set(`s2_${j}`, `(v128.xor ${v(`s2_${j}`)} ${v(`t_${j}`)})`),
    set(`s3_${j}`, `(v128.or (i32x4.shl ${v(`s3_${j}`)} (i32.const 11)) (i32x4.shr_u ${v(`s3_${j}`)} (i32.const 21)))`),
  ];
  const draw = (j, into) => set(`${into}_${j}`, `(i32x4.add ${v(`s0_${j}`)} ${v(`s3_${j}`)})`);
  // One set's whole point after another: the sets' chains are independent, so the out-of-order core
  // overlaps them, while every temporary dies within its set (V8 uses 16 vector registers).
  const point = (j) => [
    draw(j, 'x'),
    ...step(j),
    draw(j, 'y'),
    ...step(j),
    // a in the low 16 bits of each i32 lane, b in the high 16: (r₁ >>> 17) | ((r₂ >>> 1) & 0x7fff0000).
    set(
      `d_${j}`,
      `(i32x4.dot_i16x8_s
          (v128.or (i32x4.shr_u ${v(`x_${j}`)} (i32.const 17)) (v128.and (i32x4.shr_u ${v(`y_${j}`)} (i32.const 1)) ${v('highMask')}))
          (v128.or (i32x4.shr_u ${v(`x_${j}`)} (i32.const 17)) (v128.and (i32x4.shr_u ${v(`y_${j}`)} (i32.const 1)) ${v('highMask')})))`,
    ),
    set(`in_${j}`, `(i32x4.lt_s ${v(`d_${j}`)} ${v('sureInside')})`),
    set(`acc_${j}`, `(i32x4.add ${v(`acc_${j}`)} ${v(`in_${j}`)})`),
    set(`band_${j}`, `(v128.xor ${v(`in_${j}`)} (i32x4.lt_s ${v(`d_${j}`)} ${v('sureOutside')}))`),
    `(if (i32x4.bitmask ${v(`band_${j}`)}) (then ${set(`acc_${j}`, `(i32x4.add ${v(`acc_${j}`)} ${fixXoshiro(`x_${j}`, `y_${j}`, `band_${j}`)})`)}))`,
  ];
  const body = [];
  for (let j = 0; j < sets; j++) body.push(...point(j));
  // Optionally several points per trip (PI_UNROLL): V8 pays per trip for the counter, the branch and a
  // stack guard. With three sets one point per trip measured fastest (more would spill registers).
  return `
  (func $${name} (export "${name}") (param $n i32)
    (local $highMask v128) (local $sureInside v128) (local $sureOutside v128) (local $fa i64) (local $fb i64) (local $fix v128)
    ${locals.join('\n    ')}
    ${set('highMask', constant('highMask'))}
    ${set('sureInside', constant('sureInside'))}
    ${set('sureOutside', constant('sureOutside'))}
    ${load.join('\n    ')}
    (block $done
      (loop $next
        (br_if $done (i32.lt_u (local.get $n) (i32.const ${UNROLL})))
        ${Array(UNROLL).fill(body.join('\n        ')).join('\n        ')}
        (local.set $n (i32.sub (local.get $n) (i32.const ${UNROLL})))
        (br $next)))
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.eqz (local.get $n)))
        ${body.join('\n        ')}
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $tail)))
    ${store.join('\n    ')})`;
}

/**
 * The exact rule for the lanes in the band, inlined (a call would make V8 spill the state registers on
 * every trip): −1 for band lanes inside, 0 elsewhere. x and y hold the raw draws r₁, r₂.
 */
function fixXoshiro(x, y, band) {
  const lanes = [set('fix', '(v128.const i32x4 0 0 0 0)')];
  for (let i = 0; i < 4; i++) {
    // 2X + 1 = ((r >>> 8) << 1) | 1 = (r >>> 7) | 1, computed in i64.
    const odd = (c) => `(i64.or (i64.shr_u (i64.extend_i32_u (i32x4.extract_lane ${i} ${v(c)})) (i64.const 7)) (i64.const 1))`;
    lanes.push(`(if (i32x4.extract_lane ${i} ${v(band)})
          (then
            ${set('fa', odd(x))}
            ${set('fb', odd(y))}
            ${set(
              'fix',
              `(i32x4.replace_lane ${i} ${v('fix')}
              (i32.sub (i32.const 0) (i64.lt_u (i64.add (i64.mul ${v('fa')} ${v('fa')}) (i64.mul ${v('fb')} ${v('fb')})) (i64.const 0x4000000000000))))`,
            )}))`);
  }
  return `(block (result v128) ${lanes.join('\n          ')} ${v('fix')})`;
}

/**
 * numba's xoroshiro128+ with the seed's float32 rule, two streams per i64x2. A draw is
 * f32((sum >>> 11) · 2^-53) rounded to nearest, as Math.fround does: u = sum >>> 11 (53 bits) is made an
 * exact f64 with the 2^52 trick (low 52 bits under 2^52's exponent, minus 2^52 unless bit 52 is set),
 * demoted to f32 once (the only rounding), then scaled by 2^-53 in f32 (exact: a power of two, no
 * subnormals). Then inside iff f32(f32(x·x) + f32(y·y)) ≤ 1, unfused, as the seed's kernel computes.
 */
function numbaFunction(name, sets) {
  const locals = [];
  const load = [];
  const store = [];
  const words = ['p0', 'q0', 'p1', 'q1']; // s0 of streams 0–1, s0 of 2–3, s1 of 0–1, s1 of 2–3
  for (let j = 0; j < sets; j++) {
    words.forEach((w, k) => {
      locals.push(`(local $${w}_${j} v128)`);
      load.push(set(`${w}_${j}`, `(v128.load offset=${64 * j + 16 * k} (i32.const 0))`));
      store.push(`(v128.store offset=${64 * j + 16 * k} (i32.const 0) ${v(`${w}_${j}`)})`);
    });
    locals.push(`(local $acc_${j} v128) (local $x_${j} v128) (local $y_${j} v128) (local $tp_${j} v128) (local $tq_${j} v128)`);
    locals.push(`(local $sp_${j} v128) (local $sq_${j} v128)`);
    store.push(
      `(v128.store offset=${1024 + 16 * j} (i32.const 0) (i32x4.sub (v128.load offset=${1024 + 16 * j} (i32.const 0)) ${v(`acc_${j}`)}))`,
    );
  }
  const TWO52 = '0x4330000000000000';
  // f32 pair (in lanes 0, 1) of one i64x2 sum.
  // i64x2.lt_s against 0 (one compare) gives the all-ones mask of bit 63 = bit 52 of u.
  const toF32 = (sum) =>
    `(f32x4.demote_f64x2_zero (f64x2.sub (v128.or (v128.and (i64x2.shr_u ${sum} (i32.const 11)) ${v('low52')}) ${v('two52')}) (v128.andnot ${v('two52')} (i64x2.lt_s ${sum} ${v('zero')}))))`;
  // s1 ^= s0; s0 = rotl(s0, 55) ^ s1 ^ (s1 << 14); s1 = rotl(s1, 36).
  const step = (s0, s1, t) => [
    set(t, `(v128.xor ${v(s1)} ${v(s0)})`),
    set(
      s0,
      `(v128.xor (v128.xor (v128.or (i64x2.shl ${v(s0)} (i32.const 55)) (i64x2.shr_u ${v(s0)} (i32.const 9))) ${v(t)}) (i64x2.shl ${v(t)} (i32.const 14)))`,
    ),
    set(s1, `(v128.or (i64x2.shl ${v(t)} (i32.const 36)) (i64x2.shr_u ${v(t)} (i32.const 28)))`),
  ];
  const shuffle = '0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23';
  const drawAll = (j, into) => [
    set(`sp_${j}`, `(i64x2.add ${v(`p0_${j}`)} ${v(`p1_${j}`)})`),
    set(`sq_${j}`, `(i64x2.add ${v(`q0_${j}`)} ${v(`q1_${j}`)})`),
    ...step(`p0_${j}`, `p1_${j}`, `tp_${j}`),
    ...step(`q0_${j}`, `q1_${j}`, `tq_${j}`),
    set(`${into}_${j}`, `(f32x4.mul (i8x16.shuffle ${shuffle} ${toF32(v(`sp_${j}`))} ${toF32(v(`sq_${j}`))}) ${v('scale')})`),
  ];
  const lists = Array.from({ length: sets }, (_, j) => [
    ...drawAll(j, 'x'),
    ...drawAll(j, 'y'),
    set(
      `acc_${j}`,
      `(i32x4.add ${v(`acc_${j}`)} (f32x4.le (f32x4.add (f32x4.mul ${v(`x_${j}`)} ${v(`x_${j}`)}) (f32x4.mul ${v(`y_${j}`)} ${v(`y_${j}`)})) ${v('one')}))`,
    ),
  ]);
  const body = [];
  for (let i = 0; i < lists[0].length; i++) for (const list of lists) body.push(list[i]);
  return `
  (func $${name} (export "${name}") (param $n i32)
    (local $low52 v128) (local $two52 v128) (local $zero v128) (local $scale v128) (local $one v128)
    ${locals.join('\n    ')}
    ${set('low52', constant('low52'))}
    ${set('two52', constant('two52'))}
    ${set('scale', constant('scale'))}
    ${set('one', constant('one'))}
    ${load.join('\n    ')}
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        ${body.join('\n        ')}
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    ${store.join('\n    ')})`;
}

/**
 * The module: `xoshiro1`/`numba1` run one set (4 streams), `xoshiroWide`/`numbaWide` run `sets` sets.
 * Each call runs `n` points on every lane, adds the lanes' inside counts to the counts area, and leaves
 * the advanced states in memory, so a batch of streams is counted over many short calls.
 */
export function simdKernelWat({ xoshiroSets, numbaSets }) {
  return `(module
  (memory (export "memory") 1)
  ${constantsData()}
  ${xoshiroFunction('xoshiro1', 1)}
  ${xoshiroFunction('xoshiroWide', xoshiroSets)}
  ${numbaFunction('numba1', 1)}
  ${numbaFunction('numbaWide', numbaSets)}
)
`;
}
