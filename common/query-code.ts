// The ticket's QR code: the query code alone, or — where the bureau exposes the phone page
// (`hall.publicBaseUrl`) — a URL to it carrying the code. The kiosk's scanner reads either.
/** The phone page's path on the public base. */
const PHONE_PAGE = '/mobile/';

export function ticketQrData(queryCode: string, publicBaseUrl: string | null): string {
  return publicBaseUrl ? `${publicBaseUrl.replace(/\/+$/, '')}${PHONE_PAGE}?c=${queryCode}` : queryCode;
}

/** The query code in what a scanner typed: a bare code, or the phone page's URL with `?c=`. */
export function queryCodeFrom(scanned: string): string {
  const text = scanned.trim();
  const fromUrl = /[?&]c=([0-9A-Za-z]{6,20})(?:&|#|$)/.exec(text);
  return fromUrl ? fromUrl[1]! : text;
}
