/**
 * download.html: opened in the system browser by the pane on Office for Mac
 * (see offerFile.ts). Reads the file from the URL fragment and offers it as
 * a download; the fragment is never sent to the server.
 */
function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function start(): void {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const name = params.get("name");
  const data = params.get("data");
  const status = document.getElementById("status");
  const link = document.getElementById("link") as HTMLAnchorElement | null;
  if (!name || !data || !link || !status) {
    if (status) status.textContent = "Không có tệp để tải về. / No file to download.";
    return;
  }
  const blob = new Blob([fromBase64Url(data) as BlobPart], { type: params.get("type") ?? "application/octet-stream" });
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.textContent = name;
  status.textContent = "Tệp đã sẵn sàng. Nếu trình duyệt chưa tự tải về, hãy bấm vào tên tệp. / Your file is ready; click its name if it did not download.";
  // The fragment held the file: drop it from the address bar and history.
  history.replaceState(null, "", window.location.pathname);
  link.click();
}

start();
