// office-addin-mock imports office-addin-manifest only for OfficeApp; its ESM-only
// dependencies break jest's CommonJS loader, so tests get this minimal stand-in.
module.exports = {
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
};
