/* Sealift embed resizer, for the page that embeds a Sealift view.
   Keeps every <iframe data-sealift-embed> as tall as its content. It listens
   for the { height } message that the embedded page posts whenever its height
   changes, trusts only messages from that very iframe, and makes no requests.
   And it tells each embed when the reader is a screen away from it, with the
   message { sealift: "near" }: an embed further down the page waits for the
   reader before it downloads its code (and says so with { sealift:
   "waiting" }), and from inside its frame it can only see when it comes
   into sight. */
(function () {
  if (window.__sealiftEmbedResizer) return;
  window.__sealiftEmbedResizer = true;
  var SELECTOR = "iframe[data-sealift-embed]";
  // The frames a screen away or nearer.
  var near = [];
  var tell = function (frame) {
    if (frame.contentWindow) frame.contentWindow.postMessage({ sealift: "near" }, "*");
  };
  var nearness = "IntersectionObserver" in window
    ? new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          var at = near.indexOf(entry.target);
          if (entry.isIntersecting && at < 0) {
            near.push(entry.target);
            tell(entry.target);
          } else if (!entry.isIntersecting && at >= 0) {
            near.splice(at, 1);
          }
        });
      }, { rootMargin: "100% 0px" })
    : null;
  // (Observing a frame again does nothing.)
  var watch = function (frame) {
    if (nearness) nearness.observe(frame);
  };
  Array.prototype.forEach.call(document.querySelectorAll(SELECTOR), watch);
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object") return;
    var frames = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow !== event.source) continue;
      watch(frames[i]);
      if (data.sealift === "waiting" && near.indexOf(frames[i]) >= 0) tell(frames[i]);
      if (typeof data.height === "number" && data.sentinel !== "amp") {
        frames[i].style.height = Math.max(0, Math.min(Math.round(data.height), 100000)) + "px";
      }
    }
  });
})();
