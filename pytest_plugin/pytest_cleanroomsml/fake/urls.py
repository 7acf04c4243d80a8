"""cleanroomsml base URL and paths."""

from .responses import CleanRoomsMLResponse

url_bases = [
    r"https?://cleanrooms-ml\.(.+)\.amazonaws\.com",
]

# A trainedModelArn contains slashes, and the server sees the path decoded, so it
# is matched with `.+`; that also covers .../trained-models/{trainedModelArn}/versions.
# The operation itself is resolved from the method and the botocore model (operation_routes.py).
url_paths = {
    "{0}/memberships/(?P<membershipIdentifier>[^/]+)/trained-models$": CleanRoomsMLResponse.dispatch,
    "{0}/memberships/(?P<membershipIdentifier>[^/]+)/trained-models/(?P<trainedModelArn>.+)$": CleanRoomsMLResponse.dispatch,
    "{0}/collaborations/(?P<collaborationIdentifier>[^/]+)/trained-models$": CleanRoomsMLResponse.dispatch,
    "{0}/collaborations/(?P<collaborationIdentifier>[^/]+)/trained-models/(?P<trainedModelArn>.+)$": CleanRoomsMLResponse.dispatch,
}
