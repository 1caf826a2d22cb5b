/* eslint-disable */
// Webpack for the Chỉ tiêu add-in, in the shape of Microsoft's add-in template:
// two entries (the task pane and the ribbon's FunctionFile), HTML pages, the
// assets and the manifest copied into dist/.
//
// The task pane's INITIAL JavaScript must stay small (goal ≤ 300 KB gzip): the
// file readers (src/import with pdfjs, exceljs, jszip) and the template writer
// are reached only through dynamic import(), so webpack puts them in chunks that
// load when the planner actually picks a file.
const path = require("node:path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { deployTarget, manifestFor } = require("./scripts/deploy");
const { version } = require("./package.json");
const { createHash } = require("node:crypto");
const { readFileSync } = require("node:fs");

/** The old-engine notice (src/taskpane/oldEngine), copied as is under a name from its content, like every script. */
const OLD_ENGINE_SOURCE = "src/taskpane/oldEngine/oldEngine.js";
const oldEngineFile = (dev) =>
  dev ? "oldEngine.js" : `js/oldEngine.${createHash("sha256").update(readFileSync(path.join(__dirname, OLD_ENGINE_SOURCE))).digest("hex").slice(0, 8)}.js`;

const DEV_PORT = 3000;

/**
 * HTTPS options for the dev server. Office needs HTTPS; office-addin-dev-certs
 * gives trusted certificates on Windows/macOS, but on Linux it cannot install
 * its CA and rejects — or is not installed at all. Then webpack-dev-server's own
 * self-signed certificate is used, so `npm run dev-server` never fails.
 */
async function httpsServer() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const options = await devCerts.getHttpsServerOptions();
    return { type: "https", options: { ca: options.ca, key: options.key, cert: options.cert } };
  } catch (e) {
    console.warn(
      "[chitieu] office-addin-dev-certs unavailable (" + (e && e.message ? e.message.split("\n")[0] : e) +
        "); using a self-signed certificate. Trust https://localhost:" + DEV_PORT + " once in your browser.",
    );
    return "https";
  }
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  // Where the build will be served (`--env url=https://…/`); a production build without one is refused.
  const target = deployTarget(env, { production: !dev });
  const supportUrl = target.supportUrl ?? `${target.base}ho-tro.html`;
  const oldEngine = oldEngineFile(dev);
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      notice: "./src/commands/notice.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // Content hashes in production: a new release reaches users past every cache, while the
      // pages the manifest names (taskpane.html…) keep their names and are served uncached.
      // Hashed files live in js/ and chunks/ only, so a server caches those two folders for good (docs/trien-khai.md).
      filename: dev ? "[name].js" : "js/[name].[contenthash:8].js",
      chunkFilename: "chunks/[name].[contenthash:8].js",
      // Chunks load relative to the script that asks for them, so the site works under any sub-path.
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
      // pdfjs-dist's CommonJS build mentions Node modules behind runtime checks; the browser never takes those paths.
      fallback: { fs: false, path: false, url: false, http: false, https: false, zlib: false, stream: false, canvas: false, crypto: false },
      // The browser decodes scanned PNG/JPEG pages itself (src/import/scan/_lib/decode.ts); these Node decoders are never loaded there.
      alias: { pngjs: false, "jpeg-js": false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
        },
      ],
    },
    optimization: {
      splitChunks: { chunks: "async" },
    },
    performance: { hints: false },
    plugins: [
      // What the pane's About line shows: the release and where to report a problem (the manifest's SupportUrl).
      new webpack.DefinePlugin({
        __CHITIEU_ABOUT__: JSON.stringify({ version, supportUrl }),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        // Loaded before the bundle, ES3, not bundled: it must parse where the bundle cannot (IE11, EdgeHTML).
        templateParameters: { oldEngine },
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new HtmlWebpackPlugin({
        filename: "notice.html",
        template: "./src/commands/notice.html",
        chunks: ["notice"],
      }),
      new HtmlWebpackPlugin({
        filename: "ho-tro.html",
        template: "./src/support/ho-tro.html",
        chunks: [],
        templateParameters: { version, supportUrl: target.supportUrl, base: target.base },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // IIS reads its MIME types and cache headers from web.config in the site folder (docs/trien-khai.md).
          { from: "deploy/iis/web.config", to: "web.config" },
          // Production: every URL moved to the deployment address, the version from package.json.
          dev
            ? { from: "manifest.xml", to: "manifest.xml" }
            : { from: "manifest.xml", to: "manifest.xml", transform: (content) => manifestFor(content.toString("utf8"), target, version) },
          { from: OLD_ENGINE_SOURCE, to: oldEngine },
          // OCR for scans, served with the add-in (never from a CDN) and loaded only when a scan is dropped:
          // tesseract.js's worker script, its LSTM-only WebAssembly cores (plain, SIMD, relaxed SIMD: the worker
          // picks the one the browser supports), and the Vietnamese model.
          { from: path.join(path.dirname(require.resolve("tesseract.js/package.json")), "dist", "worker.min.js"), to: "ocr/worker.min.js" },
          ...["tesseract-core-lstm.wasm.js", "tesseract-core-simd-lstm.wasm.js", "tesseract-core-relaxedsimd-lstm.wasm.js"].map((f) => ({
            from: path.join(path.dirname(require.resolve("tesseract.js-core/package.json")), f),
            to: `ocr/core/${f}`,
          })),
          { from: path.join(path.dirname(require.resolve("@tesseract.js-data/vie/package.json")), "4.0.0_best_int", "vie.traineddata.gz"), to: "ocr/lang/vie.traineddata.gz" },
        ],
      }),
    ],
    devServer: {
      port: DEV_PORT,
      server: await httpsServer(),
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.resolve(__dirname, "dist") },
      client: { overlay: false },
    },
  };
};
