'use client';

/** The Dashboard tab of the workbench (Lab 2): live charts of the participant's own functions. */
export default function DashboardPane() {
  return <p className="muted pad">The dashboard is being built.</p>;
}
