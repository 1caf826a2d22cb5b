/**
 * A scan's preview: each row as the recogniser saw it (the straightened page's
 * picture of that row) beside what was read from it, so the planner compares
 * before writing anything. Rows with warnings say how many; the warnings
 * themselves are listed in the preview above.
 */
import { Caption1, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import type { ImportResult, Indicator } from "../../core/model";
import type { Gray, Rect, ScanViews } from "../../import/scan";
import { useStrings } from "../context";
import { useScreenStyles } from "../shell/styles";

/** Enough rows to compare a real appendix page by page; a longer one is compared in the sheet. */
const MAX_ROWS = 60;

const useStyles = makeStyles({
  row: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-start",
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalXS,
  },
  picture: { flex: "3 1 240px", minWidth: 0 },
  canvas: { width: "100%", height: "auto", display: "block", border: `1px solid ${tokens.colorNeutralStroke1}` },
  parsed: { flex: "2 1 150px", minWidth: 0, display: "flex", flexDirection: "column" },
});

export function ScanCompare({ result, scan }: { result: ImportResult; scan: ScanViews }) {
  const t = useStrings();
  const s = useScreenStyles();
  const c = useStyles();
  const rows = result.plan.appendices
    .filter((a) => a.kind !== "body")
    .flatMap((a) => a.indicators)
    .map((ind) => ({ ind, place: scan.rows.find((r) => r.page === ind.source.page && r.row === ind.source.row) }))
    .filter((r): r is { ind: Indicator; place: ScanViews["rows"][number] } => r.place !== undefined)
    .slice(0, MAX_ROWS);
  const doubts = (ind: Indicator): number => result.warnings.filter((w) => w.ref.page === ind.source.page && w.ref.row === ind.source.row).length;
  const f = t.import.scanRowParsed;
  return (
    <section aria-labelledby="scan-compare-title" className={s.screen} style={{ padding: 0 }} data-testid="scan-compare">
      <Subtitle2 id="scan-compare-title" as="h2" className={s.heading}>
        {t.import.scanCompareTitle}
      </Subtitle2>
      <Caption1 className={s.wrap}>{t.import.scanCompareHint}</Caption1>
      {rows.map(({ ind, place }) => {
        const page = scan.pages.find((p) => p.page === place.page);
        const n = doubts(ind);
        return (
          <div key={`${place.page}-${place.row}-${ind.key}`} className={c.row} data-testid="scan-row">
            <div className={c.picture}>{page ? <RowPicture image={page.image} rect={place.rect} label={t.import.scanRowImage(place.page, place.row)} className={c.canvas} /> : null}</div>
            <div className={c.parsed}>
              <Text size={200} weight="semibold" className={s.wrap}>
                {ind.stt ? `${ind.stt}. ` : ""}
                {ind.name}
              </Text>
              {ind.baseline ? <Text size={200} className={s.wrap}>{`${f.baseline}: ${ind.baseline.raw}`}</Text> : null}
              {ind.target ? <Text size={200} className={s.wrap}>{`${f.target}: ${ind.target.raw.replace(/\s+/g, " ")}`}</Text> : null}
              {ind.lead.length ? <Text size={200} className={s.wrap}>{`${f.lead}: ${ind.lead.map((a) => a.name).join("; ")}`}</Text> : null}
              {ind.coordinating.length ? <Text size={200} className={s.wrap}>{`${f.coordinating}: ${ind.coordinating.map((a) => a.name).join("; ")}`}</Text> : null}
              {n > 0 ? (
                <Text size={200} weight="semibold" style={{ color: tokens.colorPaletteDarkOrangeForeground1 }}>
                  {t.import.scanRowDoubt(n)}
                </Text>
              ) : null}
            </div>
          </div>
        );
      })}
    </section>
  );
}

/** Draws one row of the straightened page onto a canvas (grey → RGBA). */
function RowPicture({ image, rect, label, className }: { image: Gray; rect: Rect; label: string; className: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const x0 = Math.max(0, Math.floor(rect.x));
  const y0 = Math.max(0, Math.floor(rect.y));
  const w = Math.max(1, Math.min(image.width - x0, Math.ceil(rect.w)));
  const h = Math.max(1, Math.min(image.height - y0, Math.ceil(rect.h)));
  useEffect(() => {
    const ctx = ref.current?.getContext("2d");
    if (!ctx) return;
    const pixels = ctx.createImageData(w, h);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const v = image.data[(y0 + y) * image.width + x0 + x]!;
        const o = (y * w + x) * 4;
        pixels.data[o] = v;
        pixels.data[o + 1] = v;
        pixels.data[o + 2] = v;
        pixels.data[o + 3] = 255;
      }
    }
    ctx.putImageData(pixels, 0, 0);
  }, [image, x0, y0, w, h]);
  return <canvas ref={ref} width={w} height={h} role="img" aria-label={label} className={className} />;
}
