/** CSS named colours (CSS Color 4), plus `transparent`. */
const NAMED_COLORS = new Set(
  (
    'aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown ' +
    'burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan ' +
    'darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred ' +
    'darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue ' +
    'dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray ' +
    'green greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen ' +
    'lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey lightpink ' +
    'lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen ' +
    'linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue ' +
    'mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy ' +
    'oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip ' +
    'peachpuff peru pink plum powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown ' +
    'seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen steelblue tan teal ' +
    'thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen transparent'
  ).split(' '),
);

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const PERCENT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?%$/i;
const ANGLE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?(?:deg|grad|rad|turn)?$/i;
const MAX_COLOR_LENGTH = 80;

function isNumberOrPercent(token: string): boolean {
  return NUMBER.test(token) || PERCENT.test(token);
}

/**
 * The arguments of rgb()/hsl() split into colour channels and alpha. Both the comma syntax
 * (`rgb(1, 2, 3)`) and the space syntax (`rgb(1 2 3 / 50%)`) are accepted; null when neither fits.
 */
function splitArguments(inner: string): { channels: string[]; alpha?: string } | null {
  const text = inner.trim();
  if (text.includes(',')) {
    const parts = text.split(',').map((part) => part.trim());
    if (parts.length !== 3 && parts.length !== 4) return null;
    return { channels: parts.slice(0, 3), alpha: parts[3] };
  }
  const [channelText, alpha, ...rest] = text.split('/');
  if (rest.length > 0) return null;
  const channels = channelText.trim().split(/\s+/);
  if (channels.length !== 3) return null;
  if (alpha !== undefined && alpha.trim() === '') return null;
  return { channels, alpha: alpha?.trim() };
}

/**
 * Whether the text is a CSS colour that is safe to put in a style: a hex colour, rgb()/rgba()/
 * hsl()/hsla() with numeric arguments, or a CSS named colour. Anything else (`url(…)`, `var(…)`,
 * `expression(…)`, text with `;` or `}`) is refused.
 */
export function isCssColor(text: string): boolean {
  if (typeof text !== 'string' || text.length > MAX_COLOR_LENGTH) return false;
  const color = text.trim().toLowerCase();
  if (color.startsWith('#')) return HEX.test(color);
  if (NAMED_COLORS.has(color)) return true;
  const open = color.indexOf('(');
  if (open < 0 || !color.endsWith(')')) return false;
  const name = color.slice(0, open).trim();
  const inner = color.slice(open + 1, -1);
  if (inner.includes('(') || inner.includes(')')) return false;
  const args = splitArguments(inner);
  if (!args) return false;
  if (args.alpha !== undefined && !isNumberOrPercent(args.alpha)) return false;
  const [first, second, third] = args.channels;
  if (name === 'rgb' || name === 'rgba') return args.channels.every(isNumberOrPercent);
  if (name === 'hsl' || name === 'hsla') return ANGLE.test(first) && isNumberOrPercent(second) && isNumberOrPercent(third);
  return false;
}
