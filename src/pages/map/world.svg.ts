/** /map/world.svg: the world outline every map references (src/charts/map/world.ts). */
import { worldSvg } from '../../charts/map/world.ts';

export const GET = () => new Response(worldSvg(), { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
