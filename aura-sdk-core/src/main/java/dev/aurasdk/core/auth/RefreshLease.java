package dev.aurasdk.core.auth;

/**
 * The right to refresh one cached token, granted by {@link TokenStore#tryLeaseRefresh(String)} to one caller
 * at a time. A store shared by several processes grants it to one process at a time and lets it lapse after
 * a lifetime of its own choosing, so a process that dies while refreshing blocks the others no longer than
 * that. Closing it gives it back (at most once; closing a lapsed lease does not end another holder's).
 */
public interface RefreshLease extends AutoCloseable {
    /** A lease that coordinates nothing: in-process stores rely on the token cache's own single flight. */
    RefreshLease LOCAL = () -> {};

    /** Gives the lease back. Never throws. */
    @Override
    void close();
}
