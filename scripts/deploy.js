/* eslint-disable */
// Where a build of the add-in will be served, and the manifest that points there.
// Used by webpack.config.js; tested by tests/deploy/target.test.ts.
//
// A production build must name its address (`npm run build -- --env url=https://…/`):
// a manifest that still points at https://localhost:3000 installs without error and
// then shows a blank pane on every planner's machine, so such a build is refused.
"use strict";

/** The address the development manifest (manifest.xml in the repository) points at. */
const DEV_BASE = "https://localhost:3000/";

class DeployError extends Error {}

const USAGE =
  "npm run build -- --env url=https://chitieu.tinh.gov.vn/duong-dan/ [--env support=https://…|mailto:…]";

/**
 * Reads and checks the deployment address given to webpack (`--env url=…`).
 * @returns {{ base: string, origin: string, supportUrl: string | null }}
 * @throws DeployError with a Vietnamese-first message that says what to pass.
 */
function deployTarget(env, { production }) {
  const raw = env && typeof env.url === "string" ? env.url.trim() : "";
  if (raw === "") {
    if (!production) return { base: DEV_BASE, origin: new URL(DEV_BASE).origin, supportUrl: null };
    throw new DeployError(
      "Thiếu địa chỉ triển khai: bản dựng để phát hành phải biết add-in sẽ nằm ở đâu, nếu không manifest vẫn trỏ tới " +
        `https://localhost:3000 và ngăn tác vụ sẽ trắng trên máy người dùng. Chạy: ${USAGE}\n` +
        `Missing deployment address: a production build must know where it will be served. Run: ${USAGE}`,
    );
  }
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new DeployError(`Địa chỉ triển khai "${raw}" không phải là một URL. Ví dụ: ${USAGE}\nThe deployment address "${raw}" is not a URL.`);
  }
  if (url.protocol !== "https:") {
    throw new DeployError(
      `Địa chỉ triển khai phải dùng https (Office chỉ mở add-in qua https): "${raw}".\nThe deployment address must use https (Office loads add-ins over https only): "${raw}".`,
    );
  }
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    throw new DeployError(
      `Địa chỉ triển khai không được có tham số, dấu # hay tên đăng nhập: "${raw}".\nThe deployment address must have no query, fragment or credentials: "${raw}".`,
    );
  }
  if (/^localhost$|^127\.|^\[::1\]$/.test(url.hostname)) {
    throw new DeployError(
      `Địa chỉ triển khai "${raw}" là máy của người dựng, người dùng khác không mở được. Dùng tên miền của máy chủ.\n` +
        `"${raw}" is this machine; other users cannot reach it. Use the server's domain name.`,
    );
  }
  // The pages sit in the folder the address names: "…/tinh" and "…/tinh/" both mean the folder.
  const base = url.href.endsWith("/") ? url.href : `${url.href}/`;
  return { base, origin: url.origin, supportUrl: supportUrlOf(env) };
}

function supportUrlOf(env) {
  const raw = env && typeof env.support === "string" ? env.support.trim() : "";
  if (raw === "") return null;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new DeployError(`Địa chỉ hỗ trợ "${raw}" không phải là URL (https://… hoặc mailto:…).\nThe support address "${raw}" is not a URL.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "mailto:") {
    throw new DeployError(`Địa chỉ hỗ trợ phải là https://… hoặc mailto:…: "${raw}".\nThe support address must be https://… or mailto:…: "${raw}".`);
  }
  return url.href;
}

/** "0.1.0" → "0.1.0.0": the manifest's Version has four parts. */
function manifestVersion(packageVersion) {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(String(packageVersion));
  if (!m) throw new DeployError(`package.json version "${packageVersion}" is not x.y.z.`);
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

/**
 * The manifest for a deployment: every URL moved from the development address to
 * `base` (sub-path kept), AppDomain set to its origin, Version from package.json,
 * and SupportUrl set to the support address (by default the add-in's own support page).
 */
function manifestFor(xml, { base, origin, supportUrl }, packageVersion) {
  const escape = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  let out = xml;
  const support = supportUrl ?? `${base}ho-tro.html`;
  out = out.replace(/<SupportUrl DefaultValue="[^"]*"\s*\/>/, `<SupportUrl DefaultValue="${escape(support)}"/>`);
  out = out.replace(/<AppDomain>[^<]*<\/AppDomain>/g, `<AppDomain>${escape(origin)}</AppDomain>`);
  out = out.split(DEV_BASE).join(escape(base));
  out = out.replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(packageVersion)}</Version>`);
  return out;
}

module.exports = { DEV_BASE, DeployError, deployTarget, manifestFor, manifestVersion };
