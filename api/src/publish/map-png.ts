// PNG of the map figure: the SVG of graph/src/publish/map-svg.ts rasterised
// by resvg (a Rust renderer shipped as a prebuilt Node binary), with the
// system's fonts (DejaVu on Debian) for the names, legend and attribution.

import { Resvg } from '@resvg/resvg-js';

export function svgToPng(svg: string, width: number): Buffer {
  const renderer = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(width) },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return renderer.render().asPng();
}
