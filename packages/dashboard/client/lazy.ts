// Draw only what is on (or near) the screen: hundreds of charts cost nothing until scrolled to.
type Callback = () => void;

const pending = new Map<Element, Callback>();
let observer: IntersectionObserver | null = null;

function getObserver(): IntersectionObserver | null {
  if (observer || typeof IntersectionObserver === "undefined") return observer;
  observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const callback = pending.get(entry.target);
        pending.delete(entry.target);
        observer?.unobserve(entry.target);
        callback?.();
      }
    },
    { rootMargin: "300px 0px" },
  );
  return observer;
}

/** Calls back once when the element comes near the viewport; returns a cancel function. */
export function whenVisible(el: Element, callback: Callback): () => void {
  const io = getObserver();
  if (!io) {
    callback();
    return () => undefined;
  }
  pending.set(el, callback);
  io.observe(el);
  return () => {
    pending.delete(el);
    io.unobserve(el);
  };
}
