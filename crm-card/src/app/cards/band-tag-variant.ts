export type TagVariant = 'default' | 'warning' | 'success' | 'error' | 'info';

/**
 * HubSpot's Tag takes one of five variants, not a colour, while RevOps picks each band's colour
 * in the scoring configuration. Choose the variant whose hue is nearest, so a red band still
 * reads as red; greys (low saturation) and unreadable colours get the neutral tag.
 */
export function bandTagVariant(colour: string): TagVariant {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (!match) return 'default';

  const [red, green, blue] = match.slice(1).map((hex) => Number.parseInt(hex, 16) / 255) as [
    number,
    number,
    number,
  ];
  const max = Math.max(red, green, blue);
  const min = Math.min(red, green, blue);
  const chroma = max - min;
  const saturation = chroma === 0 ? 0 : chroma / (1 - Math.abs(max + min - 1));
  if (saturation < 0.25) return 'default';

  const hue = hueDegrees(red, green, blue, max, chroma);
  if (hue < 20 || hue >= 300) return 'error';
  if (hue < 65) return 'warning';
  if (hue < 170) return 'success';
  return 'info';
}

function hueDegrees(red: number, green: number, blue: number, max: number, chroma: number) {
  let sector: number;
  if (max === red) sector = ((green - blue) / chroma + 6) % 6;
  else if (max === green) sector = (blue - red) / chroma + 2;
  else sector = (red - green) / chroma + 4;
  return sector * 60;
}
