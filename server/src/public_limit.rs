//! The limits of the public inquiry form, shared by all its requests: a per-address rate limit
//! (`governor`: a burst of 5, then one every 3 minutes), a limit for all addresses together (a
//! burst of 20, then 5 a second — 432,000 a day, far above any office's inquiries, but a
//! flood from many addresses cannot make the server encrypt and append more) and at most two
//! submissions processed at once, so a flood never takes the staff's share of the machine.

use std::{net::IpAddr, num::NonZeroU32, time::Duration};

use governor::{DefaultDirectRateLimiter, DefaultKeyedRateLimiter, Quota};

#[derive(Debug)]
pub(crate) struct SubmissionLimit {
    per_address: DefaultKeyedRateLimiter<IpAddr>,
    overall: DefaultDirectRateLimiter,
    /// Submissions being processed.
    pub(crate) working: tokio::sync::Semaphore,
}

impl Default for SubmissionLimit {
    fn default() -> Self {
        let every = Quota::with_period(Duration::from_secs(180))
            .unwrap_or_else(|| Quota::per_minute(NonZeroU32::MIN))
            .allow_burst(NonZeroU32::new(5).unwrap_or(NonZeroU32::MIN));
        let overall = Quota::per_second(NonZeroU32::new(5).unwrap_or(NonZeroU32::MIN))
            .allow_burst(NonZeroU32::new(20).unwrap_or(NonZeroU32::MIN));
        Self {
            per_address: DefaultKeyedRateLimiter::keyed(every),
            overall: DefaultDirectRateLimiter::direct(overall),
            working: tokio::sync::Semaphore::new(2),
        }
    }
}

impl SubmissionLimit {
    /// Whether `address` may submit now. The memory of addresses that are quiet again is
    /// dropped once it holds 10,000, so a flood from many addresses does not keep growing it.
    pub(crate) fn admits(&self, address: IpAddr) -> bool {
        if self.per_address.len() > 10_000 {
            self.per_address.retain_recent();
        }
        self.per_address.check_key(&address).is_ok()
    }

    /// Whether one more submission of any address may be processed now.
    pub(crate) fn admits_one_more(&self) -> bool {
        self.overall.check().is_ok()
    }
}
