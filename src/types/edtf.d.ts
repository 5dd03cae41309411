// The edtf package ships no types; this covers the part src/data/dates.ts uses.
declare module 'edtf' {
  interface ParsedEdtf {
    type: string;
    min: number;
    max: number;
    precision?: number;
  }
  export default function edtf(input: string): ParsedEdtf;
}
