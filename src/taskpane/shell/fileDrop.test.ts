/** @jest-environment jsdom */
import { bytesOf } from "./fileDrop";

describe("bytesOf", () => {
  it("reads a dropped file's bytes, through FileReader where Blob.arrayBuffer is missing", async () => {
    const file = new File([new Uint8Array([80, 75, 3, 4])], "a.xlsx");
    expect(Array.from(await bytesOf(file))).toEqual([80, 75, 3, 4]);
  });
});
