import { PNG } from "pngjs";
import jpeg from "jpeg-js";
import { decodePicture, pictureFormat } from "./decode";

function png(width: number, height: number, dpi?: number): Uint8Array {
  const p = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) p.data.set([200, 200, 200, 255], i * 4);
  p.data.set([0, 0, 0, 255], 0);
  const bytes = PNG.sync.write(p);
  if (dpi === undefined) return new Uint8Array(bytes);
  // Insert a pHYs chunk (pixels per metre) after IHDR.
  const ppm = Math.round(dpi / 0.0254);
  const data = Buffer.alloc(9);
  data.writeUInt32BE(ppm, 0);
  data.writeUInt32BE(ppm, 4);
  data[8] = 1;
  const chunk = Buffer.concat([Buffer.from([0, 0, 0, 9]), Buffer.from("pHYs"), data, Buffer.alloc(4)]);
  return new Uint8Array(Buffer.concat([bytes.subarray(0, 33), chunk, bytes.subarray(33)]));
}

describe("decodePicture", () => {
  it("knows pictures by their first bytes", () => {
    expect(pictureFormat(png(2, 2))).toBe("png");
    expect(pictureFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("jpeg");
    expect(pictureFormat(new Uint8Array([0x49, 0x49, 0x2a, 0x00]))).toBe("tiff");
    expect(pictureFormat(new TextEncoder().encode("%PDF-1.4"))).toBeNull();
  });

  it("decodes a PNG to grey and reads its stated resolution", async () => {
    const [page] = await decodePicture(png(3, 2, 200));
    expect(page!.image.width).toBe(3);
    expect(page!.image.data[0]).toBe(0);
    expect(page!.image.data[1]).toBe(200);
    expect(page!.dpi).toBe(200);
  });

  it("decodes a JPEG to grey", async () => {
    const data = Buffer.alloc(16 * 16 * 4, 255);
    const bytes = jpeg.encode({ width: 16, height: 16, data }, 90).data;
    const [page] = await decodePicture(new Uint8Array(bytes));
    expect(page!.image.width).toBe(16);
    expect(page!.image.data[0]).toBeGreaterThan(240);
  });

  it("refuses bytes that are no picture", async () => {
    await expect(decodePicture(new Uint8Array([1, 2, 3]))).rejects.toMatchObject({ code: "file.unsupported", messageVi: expect.stringMatching(/^Định dạng không được hỗ trợ: .*\.png, \.jpg, \.tif/) });
  });
});
