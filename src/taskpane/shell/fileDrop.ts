/**
 * What the two drop zones of the pane share (Nhập phụ lục, Báo cáo đơn vị):
 * reading a chosen or dropped file's bytes, and the zone's look.
 */
import { makeStyles, tokens } from "@fluentui/react-components";

/** A chosen or dropped file's bytes. */
export async function bytesOf(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return new Uint8Array(await file.arrayBuffer());
  // Older engines (and jsdom) lack Blob.arrayBuffer.
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("FileReader"));
    reader.readAsArrayBuffer(file);
  });
}

export const useDropStyles = makeStyles({
  drop: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalL,
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: tokens.spacingVerticalS,
    textAlign: "center",
  },
  dropActive: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  // The file input stays in the page (keyboard and screen readers reach it through the button), out of sight.
  hiddenInput: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden", pointerEvents: "none" },
});
