// Reads the repository's BENCHMARKS.md (what `pi bench --markdown` wrote) back into the shape of
// `pi bench --json`, so the site can draw its figures with the CLI's own chart specs and show tables
// narrow enough for a page. Numbers are taken as the file prints them (three significant figures):
// nothing here measures, and nothing is typed in.

/** `82.4 ms`, `2.69 s`, `2 min 5 s` → seconds. */
export function parseDuration(text) {
  const t = text.trim();
  let m = /^([\d.]+) ms$/.exec(t);
  if (m) return Number(m[1]) / 1000;
  m = /^([\d.]+) s$/.exec(t);
  if (m) return Number(m[1]);
  m = /^(\d+) min (\d+) s$/.exec(t);
  if (m) return Number(m[1]) * 60 + Number(m[2]);
  return undefined;
}

const SI = { '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15 };

/** `64.5 M`, `1.55 G`, `812` → a number. */
export function parseSi(text) {
  const m = /^([\d.]+)(?: ([kMGTP]))?$/.exec(text.trim());
  return m === null ? undefined : Number(m[1]) * SI[m[2] ?? ''];
}

/** `35×`, `0.58×` → a number. */
const parseRatio = (text) => {
  const m = /^([\d.]+)×$/.exec(text.trim());
  return m === null ? undefined : Number(m[1]);
};

const unescapeCell = (cell) => cell.trim().replaceAll('\\|', '|');

/** The cells of a Markdown table row, `\|` inside a cell kept as `|`. */
function cellsOf(line) {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map(unescapeCell);
}

/**
 * The report in BENCHMARKS.md: machine, peer, and per experiment its rows with cold and warm seconds,
 * samples/s, π̂, the ratio to the baseline and the numba peer's case and warm seconds. Throws when the
 * file is not in the shape `pi bench --markdown` writes, so a change of format fails the build, not
 * the page.
 */
export function parseBenchMarkdown(text) {
  const intro = /^Produced by `([^`]+)` on (.+) \((\d+) cores, ([\d.]+) GiB\), Node (\S+), (.+), started (\S+)\.$/m.exec(text);
  if (intro === null) throw new Error('BENCHMARKS.md: no "Produced by …" line where pi bench writes one');
  const peerLine = /numba peer: (.+)\.$/m.exec(text);
  const report = {
    command: intro[1].replace(/ --markdown \S+$/, ''),
    machine: { cpuModel: intro[2], cores: Number(intro[3]), memoryGiB: Number(intro[4]), node: intro[5], platform: intro[6] },
    startedAt: intro[7],
    peer: { name: 'numba', available: peerLine !== null && !peerLine[1].startsWith('not available'), detail: peerLine?.[1] ?? '' },
    status: /\*\*Interrupted/.test(text) ? 'aborted' : 'completed',
    experiments: [],
  };
  const sections = text.split(/^## /m).slice(1);
  for (const section of sections) {
    const heading = /^(\d+)\. (.+?): (.+)$/m.exec(section);
    if (heading === null) continue;
    const seedCell = /^The seed's (.+)\.$/m.exec(section)?.[1] ?? '';
    const lines = section.split('\n').filter((l) => l.startsWith('|'));
    const header = cellsOf(lines[0] ?? '');
    const col = (name) => {
      const i = header.indexOf(name);
      if (i < 0) throw new Error(`BENCHMARKS.md, section ${heading[1]}: no "${name}" column`);
      return i;
    };
    const [cold, warm, rate, pi, vsBaseline, note, peer, vsPeer] = [
      'cold',
      'warm',
      'samples/s',
      'π̂',
      'vs baseline',
      'note',
      'numba (warm)',
      'vs numba',
    ].map(col);
    const rows = lines.slice(2).map((line) => {
      const c = cellsOf(line);
      const baseline = c[0].endsWith(' (baseline)');
      const label = c[0].replace(/ \(baseline\)$/, '');
      const available = c[warm] !== '—';
      const warmSeconds = parseDuration(c[warm]);
      const samplesPerSecond = parseSi(c[rate]);
      const peerMatch = /^([\w.]+): (.+)$/.exec(c[peer]);
      const peerWarm = peerMatch === null ? undefined : parseDuration(peerMatch[2]);
      return {
        label,
        baseline,
        available,
        note: available ? c[note] || undefined : c[note].replace(/^not available: /, ''),
        coldSeconds: parseDuration(c[cold]),
        warmSeconds,
        samplesPerSecond,
        // The file has no sample count per row; rate × time gives it back to three figures.
        samples: samplesPerSecond !== undefined && warmSeconds !== undefined ? samplesPerSecond * warmSeconds : 0,
        pi: c[pi] === '' ? undefined : Number(c[pi]),
        speedupVsBaseline: parseRatio(c[vsBaseline]),
        peer:
          peerMatch === null
            ? undefined
            : {
                case: peerMatch[1],
                available: peerWarm !== undefined,
                ...(peerWarm === undefined ? { note: peerMatch[2] } : { warmSeconds: peerWarm }),
                speedupVsPeer: parseRatio(c[vsPeer]),
              },
      };
    });
    if (rows.length === 0) throw new Error(`BENCHMARKS.md, section ${heading[1]}: no rows`);
    report.experiments.push({ id: Number(heading[1]), title: heading[2], size: heading[3], seedCell, rows });
  }
  if (report.experiments.length === 0) throw new Error('BENCHMARKS.md: no experiment sections');
  return report;
}

const escapeCell = (s) => String(s).replaceAll('|', '\\|');
const ratio = (x) => (x === undefined ? '' : x >= 10 ? `${Math.round(x)}×` : `${x.toFixed(2)}×`);
// A number and its unit never part at a line break (U+00A0 between them).
const time = (s) => (s === undefined ? '' : s < 1 ? `${Number((s * 1000).toPrecision(3))}\u00a0ms` : `${Number(s.toPrecision(3))}\u00a0s`);
const rate = (x) => {
  if (x === undefined) return '';
  const [scale, unit] = x >= 1e9 ? [1e9, 'G'] : x >= 1e6 ? [1e6, 'M'] : x >= 1e3 ? [1e3, 'k'] : [1, ''];
  return `${Number((x / scale).toPrecision(3))}\u00a0${unit}`.replace(/\u00a0$/, '');
};

/** The lecture's function a numba row ran, kept on one line. */
const caseName = (name) => `<code class="bench-case">${name}</code>`;

/**
 * One experiment as a table of five columns that fits the page: warm (cold), samples/s, the ratio to
 * the baseline, and numba's time for the same cell beside pi's ratio to it. Notes that repeat on rows
 * become one footnote each under the table.
 */
export function experimentTable(experiment) {
  const notes = [];
  const mark = (note) => {
    if (note === undefined || note === '') return '';
    let i = notes.indexOf(note);
    if (i < 0) i = notes.push(note) - 1;
    return ` <sup>${i + 1}</sup>`;
  };
  const lines = ['| | warm (cold) | samples/s | vs baseline | vs numba (numba warm) |', '|---|---|---|---|---|'];
  for (const row of experiment.rows) {
    const label = `${row.baseline ? '**' : ''}${row.label}${row.baseline ? '** (baseline)' : ''}${mark(row.note)}`;
    if (!row.available) {
      lines.push(`| ${escapeCell(label)} | not run | | | |`);
      continue;
    }
    const peer = row.peer;
    const numba =
      peer === undefined
        ? ''
        : peer.available
          ? `**${ratio(peer.speedupVsPeer)}** (${time(peer.warmSeconds)})<br>${caseName(peer.case)}`
          : `not run${mark(peer.note)}<br>${caseName(peer.case)}`;
    lines.push(
      `| ${escapeCell(label)} | ${time(row.warmSeconds)} (${time(row.coldSeconds)}) | ${rate(row.samplesPerSecond)} | ${ratio(row.speedupVsBaseline)} | ${escapeCell(numba)} |`,
    );
  }
  const html = (t) => t.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  if (notes.length > 0) lines.push('', `<p class="bench-notes">${notes.map((n, i) => `<sup>${i + 1}</sup> ${html(n)}`).join('<br>')}</p>`);
  return lines.join('\n');
}
