// Helpers shared by the browser tests.

/** Runs in the page: WCAG's colour arithmetic, for tests that measure contrast themselves
 * (axe does not judge SVG text, and the progress page checks every text it shows). */
export function colourKit() {
  const rgba = (value) => {
    const m = value.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return [r, g, b, a];
  };
  const blend = ([r, g, b, a], [R, G, B]) => [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a)];
  // The colour behind an element: its own and its ancestors' backgrounds, composited.
  const background = (el) => {
    const layers = [];
    for (let node = el; node; node = node.parentElement) {
      const c = rgba(getComputedStyle(node).backgroundColor);
      if (c && c[3] > 0) {
        layers.push(c);
        if (c[3] >= 1) break;
      }
    }
    let base = [255, 255, 255];
    for (const layer of layers.reverse()) base = blend(layer, base);
    return base;
  };
  const luminance = (rgb) => {
    const [r, g, b] = rgb.map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  return { rgba, blend, background, ratio };
}

/** Runs `fn(arg, colourKit())` in the page. Functions cannot be passed into the page as
 * arguments, so the call goes as source text. */
export function evaluateWithColours(page, fn, arg = null) {
  return page.evaluate(`(${fn})(${JSON.stringify(arg)}, (${colourKit})())`);
}
