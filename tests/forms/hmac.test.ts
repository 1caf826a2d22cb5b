import { createHmac, createHash } from "node:crypto";
import fc from "fast-check";
import { hmacSha256Hex, sameSecret, sha256, toHex, utf8 } from "../../src/core/_lib/hmac";

describe("HMAC-SHA-256 in the core", () => {
  it("matches RFC 4231 test case 2", () => {
    expect(hmacSha256Hex(utf8("Jefe"), "what do ya want for nothing?")).toBe("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  });

  it("matches node:crypto for any key and message, long keys included", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 150 }), fc.string({ maxLength: 300 }), (key, msg) => {
      expect(hmacSha256Hex(key, msg)).toBe(createHmac("sha256", key).update(msg, "utf8").digest("hex"));
      expect(toHex(sha256(utf8(msg)))).toBe(createHash("sha256").update(msg, "utf8").digest("hex"));
    }), { numRuns: 200 });
  });

  it("tells equal secrets from different ones, of any length", () => {
    expect(sameSecret("abc", "abc")).toBe(true);
    expect(sameSecret("abc", "abd")).toBe(false);
    expect(sameSecret("abc", "abcd")).toBe(false);
  });
});
