/** Column names "0" … "I−1", as danfo names columns when none are given. */
export function columnNames(cols: number): string[] {
  const names = new Array<string>(cols);
  for (let i = 0; i < cols; i++) names[i] = String(i);
  return names;
}
