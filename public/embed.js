/* Sealift embed resizer, for the page that embeds a Sealift view.
   Keeps every <iframe data-sealift-embed> as tall as its content. It listens
   for the { height } message that the embedded page posts whenever its height
   changes, trusts only messages from that very iframe, and makes no requests. */
(function () {
  if (window.__sealiftEmbedResizer) return;
  window.__sealiftEmbedResizer = true;
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || typeof data.height !== "number") return;
    if (data.sentinel === "amp") return;
    var frames = document.querySelectorAll("iframe[data-sealift-embed]");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        var height = Math.max(0, Math.min(Math.round(data.height), 100000));
        frames[i].style.height = height + "px";
      }
    }
  });
})();
