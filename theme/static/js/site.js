/* Small progressive enhancements; every page works without them.
   - a link to a folded section (#bagikan, the admins' share kit) opens it
   - copy buttons ([data-copy], [data-copy-from]) and the phone's share sheet
     ([data-native-share])
   - click-to-load video ([data-video]): the player is requested only on a tap */
(function () {
  "use strict";

  function openTarget() {
    var target = location.hash && document.getElementById(location.hash.slice(1));
    var folded = target && target.closest("details");
    if (folded && !folded.open) {
      folded.open = true;
      target.scrollIntoView();
    }
  }
  openTarget();
  window.addEventListener("hashchange", openTarget);

  function say(el, key) {
    var root = el.closest("[data-share]");
    var status = root && root.querySelector("[role=status]");
    if (status) status.textContent = status.getAttribute("data-" + key) || "";
  }

  function reveal(el) {
    var holder = el.parentElement;
    if (holder && holder.hidden) holder.hidden = false;
  }

  // [data-copy] copies its own value; [data-copy-from] the text of the
  // element with that id (a caption shown on the page).
  document.querySelectorAll("[data-copy], [data-copy-from]").forEach(function (button) {
    if (!navigator.clipboard) return;
    reveal(button);
    button.addEventListener("click", function () {
      var source = document.getElementById(button.getAttribute("data-copy-from"));
      var text = source ? source.textContent : button.getAttribute("data-copy");
      navigator.clipboard.writeText(text).then(
        function () { say(button, "done"); },
        function () { say(button, "failed"); }
      );
    });
  });

  if (navigator.share) {
    document.querySelectorAll("[data-native-share]").forEach(function (button) {
      reveal(button);
      button.addEventListener("click", function () {
        navigator.share({
          title: button.getAttribute("data-title"),
          url: button.getAttribute("data-url")
        }).catch(function () { /* the reader closed the share sheet */ });
      });
    });
  }

  function youtubeId(href) {
    var url;
    try { url = new URL(href); } catch (e) { return null; }
    var host = url.hostname.replace(/^www\.|^m\./, "");
    var id = null;
    if (host === "youtu.be") id = url.pathname.slice(1);
    else if (host === "youtube.com" || host === "youtube-nocookie.com") {
      id = url.searchParams.get("v");
      var parts = url.pathname.split("/");
      if (!id && (parts[1] === "shorts" || parts[1] === "embed" || parts[1] === "live")) id = parts[2];
    }
    return id && /^[\w-]{6,20}$/.test(id) ? id : null;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-video]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    var id = youtubeId(link.href);
    if (!id) return;
    event.preventDefault();
    var frame = document.createElement("iframe");
    frame.src = "https://www.youtube-nocookie.com/embed/" + id + "?autoplay=1&rel=0";
    frame.title = link.getAttribute("data-title") || "Video";
    frame.allow = "accelerometer; autoplay; encrypted-media; gyroscope; picture-in-picture";
    frame.allowFullscreen = true;
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    var box = document.createElement("div");
    box.className = "video";
    box.appendChild(frame);
    link.replaceWith(box);
    frame.focus();
  });
})();
