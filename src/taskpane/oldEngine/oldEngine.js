/* global window, document */
/*
 * Runs before the pane's bundle on every engine Office may use, including Internet Explorer 11 and
 * EdgeHTML (Office on Windows without WebView2), so it is written in ES3: no let/const, arrows or
 * template strings. The bundle uses `?.`, `??` and other syntax those engines cannot parse (and
 * Fluent UI 9 and React 18 do not support them at all), so transpiling would not be enough: instead
 * this says plainly what to do. Without it the pane would stay at "Đang khởi động…" for ever.
 * Copied as is to dist/ (webpack.config.js), loaded by taskpane.html before the bundle.
 */
(function () {
  var VI =
    "Chỉ tiêu không chạy được trong phiên bản Office này: Office đang hiển thị add-in bằng trình duyệt cũ " +
    "(Internet Explorer hoặc Edge đời cũ). Hãy cài Microsoft Edge WebView2 Runtime " +
    "(https://go.microsoft.com/fwlink/p/?LinkId=2124703) và cập nhật Office lên Microsoft 365 hoặc Office 2021 trở lên, " +
    "hoặc dùng Chỉ tiêu trong Excel trên web (https://www.office.com).";
  var EN =
    "Chỉ tiêu cannot run in this version of Office: Office shows add-ins in an old browser engine " +
    "(Internet Explorer or the old Edge). Install the Microsoft Edge WebView2 Runtime and update Office to " +
    "Microsoft 365 or Office 2021 or later, or use Chỉ tiêu in Excel on the web.";
  var shown = false;
  function show() {
    if (shown) return;
    var boot = document.getElementById("boot");
    if (!boot) return;
    shown = true;
    boot.setAttribute("role", "alert");
    boot.innerHTML = "";
    var vi = document.createElement("p");
    vi.appendChild(document.createTextNode(VI));
    var en = document.createElement("p");
    en.setAttribute("lang", "en");
    en.appendChild(document.createTextNode(EN));
    boot.appendChild(vi);
    boot.appendChild(en);
  }
  var ua = (window.navigator && window.navigator.userAgent) || "";
  // IE11 ("Trident/"), EdgeHTML ("Edge/18"); WebView2 says "Edg/" and runs the bundle.
  var old = /Trident\/|MSIE |Edge\/\d/.test(ua);
  window.__chiTieuOldEngine = old;
  function onReady() {
    if (old) show();
  }
  if (document.readyState === "loading") {
    if (document.addEventListener) document.addEventListener("DOMContentLoaded", onReady, false);
    else if (window.attachEvent) window.attachEvent("onload", onReady);
  } else onReady();
  // Any other engine that cannot parse the bundle reports it here, while the pane still shows its boot text.
  var previous = window.onerror;
  window.onerror = function (message, source, line, column, error) {
    var text = String(message) + " " + String(error && error.name);
    if (/SyntaxError|Syntax error|Unexpected token|Expected identifier/i.test(text) && document.getElementById("boot")) show();
    if (typeof previous === "function") return previous.apply(this, arguments);
    return false;
  };
})();
