'use client';

/** The Portal tab of the workbench (Lab 2): the participant's functions, through their gateway's API. */
export default function PortalPane() {
  return <p className="muted pad">The portal is being built.</p>;
}
