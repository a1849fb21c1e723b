// Parent-page script for iframe embeds: sizes each <iframe data-coalition-tracker-embed> to
// the height it reports. Messages are accepted only from those iframes, from their own origin,
// in the Datawrapper shape {"datawrapper-height": {"<id>": px}}.
addEventListener('message', (e) => {
  const frame = [...document.querySelectorAll('iframe[data-coalition-tracker-embed]')]
    .find((f) => f.contentWindow === e.source);
  if (!frame || e.origin !== new URL(frame.src, location.href).origin) return;
  const heights = e.data && typeof e.data === 'object' ? e.data['datawrapper-height'] : null;
  const height = heights && typeof heights === 'object' ? Object.values(heights)[0] : NaN;
  if (typeof height === 'number' && height > 0 && height < 100000) frame.style.height = `${Math.ceil(height)}px`;
});
