// A printed page shows each link's address after its text (print.css). The address is made absolute
// here, where the browser knows where the site is served, so that it still leads somewhere from
// paper or a PDF, under whatever host and sub-path a portal publishes the site.
{
  const markPrintUrls = () => {
    for (const link of document.querySelectorAll(".md-content a[href]")) {
      link.dataset.printUrl = link.href;
    }
  };

  // document$ emits on the first load and after every instant navigation. A portal that strips
  // the theme's bundle has none; the page is then marked just before printing, as below.
  window.document$?.subscribe(markPrintUrls);
  // Links added after load (the calculator's result) get theirs just before printing.
  window.addEventListener("beforeprint", markPrintUrls);
}
