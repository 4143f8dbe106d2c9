import type { Registration } from '../api/events-api';

/** A registration's short code, large, and its QR image (an SVG drawn by the server): what the person shows at the door. */
export function RegistrationSlip({ registration, lead, after }: { registration: Registration; lead: string; after: string }) {
  return (
    <section className="card" aria-live="polite" data-testid="registration-slip">
      <p>{lead}</p>
      <p className="code-big" data-testid="registration-code">{registration.code}</p>
      {registration.qr && <img className="qr-image" alt={registration.code} src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(registration.qr)}`} />}
      <p>{after}</p>
    </section>
  );
}
