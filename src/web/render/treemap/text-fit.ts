// Fitting labels into cells without a measureText() call per label: glyph widths are measured
// once per character and font and summed (as esbuild's analyzer caches them), which is close
// enough for cutting a name with an ellipsis; kerning is ignored, so we keep a pixel of slack.

const ELLIPSIS = '…';

/** A fitter measuring with a canvas context in `font` (a CSS font shorthand). */
export function canvasFitter(ctx: CanvasRenderingContext2D, font: string): TextFitter {
  return new TextFitter((text) => {
    ctx.font = font;
    return ctx.measureText(text).width;
  }, font);
}

export class TextFitter {
  private readonly widths = new Map<number, number>();
  private readonly ellipsisWidth: number;

  /** `measure` gives a string's width in the label font (canvasFitter() wraps measureText). */
  constructor(
    private readonly measure: (text: string) => number,
    readonly font: string,
  ) {
    this.ellipsisWidth = measure(ELLIPSIS);
  }

  private glyph(code: number): number {
    let w = this.widths.get(code);
    if (w === undefined) {
      w = this.measure(String.fromCharCode(code));
      this.widths.set(code, w);
    }
    return w;
  }

  width(text: string): number {
    let w = 0;
    for (let i = 0; i < text.length; i++) w += this.glyph(text.charCodeAt(i));
    return w;
  }

  /** `text` cut to fit `max` px with an ellipsis, or null when not even one character and the ellipsis fit. */
  fit(text: string, max: number): string | null {
    let w = 0;
    for (let i = 0; i < text.length; i++) {
      w += this.glyph(text.charCodeAt(i));
      if (w > max) {
        // Back off until the ellipsis fits too.
        let j = i;
        let cut = w - this.glyph(text.charCodeAt(i));
        while (j > 0 && cut + this.ellipsisWidth > max) {
          j--;
          cut -= this.glyph(text.charCodeAt(j));
        }
        // Do not split a surrogate pair.
        if (j > 0 && (text.charCodeAt(j - 1) & 0xfc00) === 0xd800) j--;
        return j === 0 ? null : text.slice(0, j) + ELLIPSIS;
      }
    }
    return text;
  }
}

// C0/C1 controls and the bidi embedding/override/isolate marks: a file name holding them could
// break a label or make it read as another name (a right-to-left override can turn
// "txt.exe" around), so they show as U+FFFD.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with control and bidi-control characters replaced, for labels and tooltips. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, '\ufffd');
}
