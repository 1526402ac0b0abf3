/** What the terminal's status bar says about its connection. */
export type ConnectionStatus = 'connecting' | 'preparing' | 'connected' | 'stopped' | 'disconnected';

export const STATUS_LABEL: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  preparing: 'Preparing your sandbox…',
  connected: 'Connected',
  stopped: 'Sandbox removed — press a key in the terminal for a new one',
  disconnected: 'Disconnected — retrying…',
};
