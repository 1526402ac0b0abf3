import { currentParticipant } from '@/app/participant';
import { appContext } from '@/lib/app-context';
import { portal } from '@/lib/portal/portal';

/** The portal of the participant named by the request's cookie. */
export async function myPortal() {
  return portal(appContext(), await currentParticipant());
}
