import { Button, Stack } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorCtor = new (options?: { formats?: string[] }) => BarcodeDetectorLike;

const detectorClass = (): BarcodeDetectorCtor | undefined =>
  (globalThis as unknown as { BarcodeDetector?: BarcodeDetectorCtor }).BarcodeDetector;

/** True where the browser can read barcodes from the camera (Chrome on Android, among others). */
export const cameraScanAvailable = () => detectorClass() !== undefined && !!navigator.mediaDevices?.getUserMedia;

/**
 * The phone's back camera as a scanner: frames are read about three times a second and each new
 * code is handed over once (the same code is taken again only after a different one or a pause).
 */
export function CameraScanner({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation();
  const [on, setOn] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const handler = useRef(onCode);
  handler.current = onCode;

  useEffect(() => {
    const Detector = detectorClass();
    if (!on || !Detector) return;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    let last = '';
    let lastAt = 0;
    let stopped = false;
    void navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then((s) => {
      stream = s;
      if (stopped || !video.current) {
        for (const track of s.getTracks()) track.stop();
        return;
      }
      video.current.srcObject = s;
      void video.current.play();
      const detector = new Detector();
      timer = setInterval(async () => {
        if (!video.current || video.current.readyState < 2) return;
        const [found] = await detector.detect(video.current).catch(() => []);
        if (!found) return;
        const now = Date.now();
        if (found.rawValue === last && now - lastAt < 2_000) return;
        last = found.rawValue;
        lastAt = now;
        handler.current(found.rawValue);
      }, 300);
    });
    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [on]);

  return (
    <Stack gap="xs">
      <Button size="lg" variant="default" onClick={() => setOn((v) => !v)} fullWidth>
        {on ? t('picker.stopCamera') : t('picker.camera')}
      </Button>
      {on && <video ref={video} muted playsInline style={{ width: '100%', borderRadius: 8 }} />}
    </Stack>
  );
}
