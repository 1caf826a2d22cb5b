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
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

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

module.exports = async (_env, argv) => {
  const dev = argv.mode !== "production";
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      notice: "./src/commands/notice.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "chunks/[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
      // pdfjs-dist's CommonJS build mentions Node modules behind runtime checks; the browser never takes those paths.
      fallback: { fs: false, path: false, url: false, http: false, https: false, zlib: false, stream: false, canvas: false, crypto: false },
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
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
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
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
          // ES3, not bundled: it must parse where the bundle cannot (IE11, EdgeHTML).
          { from: "src/taskpane/oldEngine/oldEngine.js", to: "oldEngine.js" },
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
