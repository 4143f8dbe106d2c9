import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NS } from './events-i18n';

interface Detector { detect(source: CanvasImageSource): Promise<{ rawValue: string }[]> }
declare global {
  interface Window { BarcodeDetector?: new (options: { formats: string[] }) => Detector }
}

/**
 * Reads a QR code with the phone camera: the browser's BarcodeDetector where there is one, else
 * jsQR, fetched only now (a chunk of its own) so neither the field app nor this screen carry it.
 */
export function QrScanner({ onCode, onClose }: { onCode: (text: string) => void; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let stream: MediaStream | undefined;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const run = async () => {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      const el = video.current!;
      el.srcObject = stream;
      await el.play();
      const detector = window.BarcodeDetector ? new window.BarcodeDetector({ formats: ['qr_code'] }) : null;
      const jsQR = detector ? null : (await import('jsqr')).default;
      const tick = async () => {
        if (stopped) return;
        let text: string | undefined;
        if (detector) text = (await detector.detect(el).catch(() => []))[0]?.rawValue;
        else if (jsQR && el.videoWidth > 0) {
          canvas.width = el.videoWidth;
          canvas.height = el.videoHeight;
          const context = canvas.getContext('2d', { willReadFrequently: true })!;
          context.drawImage(el, 0, 0);
          const image = context.getImageData(0, 0, canvas.width, canvas.height);
          text = jsQR(image.data, image.width, image.height)?.data;
        }
        if (text) onCode(text);
        else setTimeout(() => void tick(), 250);
      };
      void tick();
    };
    run().catch(() => setFailed(true));
    return () => {
      stopped = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [onCode]);
  return (
    <div className="stack">
      {failed ? <p className="error-text" role="alert">{t('checkIn.scanNoCamera')}</p> : <video ref={video} className="scan-video" muted playsInline />}
      <button type="button" className="btn btn-secondary" onClick={onClose}>{t('checkIn.scanStop')}</button>
    </div>
  );
}
