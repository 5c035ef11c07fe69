/**
 * Chart colours, the same as site.css. Colour is never the only signal: every coloured mark also
 * carries a text label (绿灯/黄灯/红灯, a series name at the end of its line).
 */
import type { Light } from '../model/types.ts';

export const INK = '#1f2328';
export const MUTED = '#59636e';
export const ACCENT = '#0969da';
export const LIGHT_COLOR: Readonly<Record<Light | 'none', string>> = { green: '#1a7f37', yellow: '#bf8700', red: '#cf222e', none: '#8c959f' };
